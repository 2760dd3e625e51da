import { useSignal } from '@preact/signals';

/** A password or token the server shows this once: with a copy button and a plain warning. */
export function OneTimeSecret({ label, secret, onDone }: { label: string; secret: string; onDone: () => void }) {
  const copied = useSignal('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      copied.value = '已复制';
    } catch {
      copied.value = '无法自动复制，请长按选中后复制';
    }
  };
  return (
    <div class="staff-panel one-time-secret" role="region" aria-label={label}>
      <p class="one-time-warning">{label}只显示这一次，关闭后无法再查看，请立即复制并妥善交给本人。</p>
      <p>
        <code class="secret" data-secret>
          {secret}
        </code>
      </p>
      <div class="staff-actions">
        <button type="button" onClick={copy}>
          复制
        </button>
        <button type="button" class="secondary" onClick={onDone}>
          我已保存，关闭
        </button>
      </div>
      <p class="staff-status" role="status">
        {copied.value}
      </p>
    </div>
  );
}
