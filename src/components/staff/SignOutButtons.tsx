import { signOut, signOutEverywhere } from './staff-api';

/** 退出登录, and 在所有设备上退出 for a device lost or left signed in elsewhere. */
export function SignOutButtons({ onSignedOut }: { onSignedOut: () => void }) {
  return (
    <>
      <button type="button" class="secondary" onClick={() => void signOut().then(onSignedOut)}>
        退出登录
      </button>
      <button
        type="button"
        class="secondary"
        onClick={() => {
          if (confirm('在所有设备上退出这个账号？其他手机和电脑需要重新登录（API 令牌不受影响）。')) void signOutEverywhere().then(onSignedOut);
        }}
      >
        在所有设备上退出
      </button>
    </>
  );
}
