import { useSignal } from '@preact/signals';
import type { Standing } from '../../cinema/member-standing';
import { standingText } from '../../cinema/standing-text';
import { StaffGate } from './StaffGate';
import { staffJson } from './staff-api';

type Answer = { member: string; standing: Standing };

/**
 * /cinema/staff/members/: an operator looks a member up by member number (sent in the body, never the
 * address) and sees their strikes and any suspension; a strike can be cleared with a reason (audited).
 */
export default function StaffMemberStanding() {
  return <StaffGate need="operator">{() => <MemberStanding />}</StaffGate>;
}

function MemberStanding() {
  const memberNumber = useSignal('');
  const found = useSignal<Answer | undefined>(undefined);
  const message = useSignal('');
  const busy = useSignal(false);

  const lookUp = async (event: SubmitEvent) => {
    event.preventDefault();
    const number = String(new FormData(event.currentTarget as HTMLFormElement).get('memberNumber') ?? '').trim();
    busy.value = true;
    const answer = await staffJson<Answer>('/api/staff/members/standing', { method: 'POST', body: JSON.stringify({ memberNumber: number }) });
    busy.value = false;
    memberNumber.value = number;
    found.value = answer.ok ? answer.body : undefined;
    message.value = answer.ok ? '' : answer.refusal.message;
  };

  const clear = async (event: SubmitEvent, strike: Standing['strikes'][number]) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget as HTMLFormElement).get('reason') ?? '').trim();
    busy.value = true;
    const answer = await staffJson<Answer>('/api/staff/members/strikes/clear', {
      method: 'POST',
      body: JSON.stringify({ memberNumber: memberNumber.value, screeningId: strike.screeningId, kind: strike.kind, reason }),
    });
    busy.value = false;
    if (answer.ok) found.value = answer.body;
    message.value = answer.ok ? `已撤销 ${strike.screeningId} 的这条记录。` : answer.refusal.message;
  };

  const standing = found.value?.standing;
  const text = standing && standingText(standing);
  const listed = standing?.strikes.filter((strike) => strike.status !== 'expired') ?? [];
  return (
    <>
      <form class="staff-panel" onSubmit={lookUp} aria-labelledby="member-lookup-title">
        <h2 id="member-lookup-title">查会员信用</h2>
        <div class="field">
          <label for="member-number">会员号</label>
          <input id="member-number" name="memberNumber" required maxLength={32} autocomplete="off" />
        </div>
        <button type="submit" disabled={busy.value}>
          查询
        </button>
      </form>
      <p class="staff-message" role="status">
        {message.value}
      </p>
      {found.value && text && (
        <section class="staff-panel member-standing" aria-labelledby="member-standing-title">
          <h2 id="member-standing-title">{found.value.member} 的信用</h2>
          {text.suspension && <p class="staff-message error">{text.suspension}</p>}
          <p>{text.summary}</p>
          <ul class="staff-rows">
            {listed.map((strike, i) => (
              <li key={`${strike.kind}-${strike.screeningId}`} class="staff-row" data-strike={strike.screeningId}>
                <h3>场次 {strike.screeningId}</h3>
                <p class="staff-status">
                  {text.strikes[i]!.what}（{text.strikes[i]!.state}）
                </p>
                {strike.status !== 'cleared' && (
                  <form onSubmit={(event) => void clear(event, strike)}>
                    <div class="field">
                      <label for={`reason-${i}`}>撤销原因</label>
                      <input id={`reason-${i}`} name="reason" required minLength={2} maxLength={200} autocomplete="off" />
                    </div>
                    <button type="submit" class="secondary" disabled={busy.value}>
                      撤销这条记录
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
