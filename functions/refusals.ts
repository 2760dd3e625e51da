import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError } from './api-error.ts';
import { CINEMA_RULES } from '../src/cinema/rules.ts';
import { MAX_QUERY_LENGTH } from '../src/search/search-request.ts';

/** Every expected refusal: its HTTP status and what we tell the member, in Chinese. */
export const REFUSALS = {
  // input
  invalid_json: [400, '请求内容不是有效的 JSON'],
  invalid_input: [400, '请求内容有误'],
  unsupported_media_type: [415, '请求内容需为 JSON（Content-Type: application/json）'],
  body_too_large: [413, '请求内容过大'],
  not_found: [404, '没有这个接口'],
  // members
  not_signed_in: [401, '请先登录：输入会员号和手机号后四位'],
  session_expired: [401, '登录已过期，请重新登录'],
  session_revoked: [401, '登录已失效，请重新登录'],
  invalid_credentials: [401, '会员号或手机号后四位不正确'],
  rate_limited: [429, '尝试次数过多，请稍后再试'],
  human_check_required: [403, '请先完成人机验证'],
  human_check_failed: [403, '人机验证未通过，请重试'],
  cross_site_request: [403, '拒绝来自其他网站的请求'],
  temporarily_unavailable: [503, '服务暂时繁忙，请稍后重试（不会重复领票）'],
  // screenings and claims
  unknown_screening: [404, '没有这一场放映'],
  window_not_open: [409, '还没到放票时间'],
  window_closed: [409, '本场已停止领票'],
  screening_booked: [409, '本场已由基层工会包场，不对个人放票'],
  already_holds_ticket: [409, '您已领取本场的票，每人每场限领一张'],
  claim_cancelled: [409, '这次领到的票已经退了；如需再领，请重新领票'],
  sold_out: [409, '本场座位已领完，可以加入候补，有人退票时按顺序自动补位'],
  seat_taken: [409, '这个座位已被领走，请选附近的空位'],
  seat_unavailable: [422, '这个座位不开放领取'],
  seats_available: [409, '本场还有空位，请直接领票'],
  // the noon queue
  queue_not_open: [409, `放票前 ${CINEMA_RULES.noonQueueOpensMinutes} 分钟才能排队`],
  queue_closed: [409, '已经放票，排队已结束；请直接领票或加入候补'],
  not_first_come: [409, '本场抽签分配座位，不设排队；请在抽签截止前报名'],
  // the lottery
  not_lottery: [409, '本场先到先得，不抽签；放票后直接领票'],
  lottery_not_open: [409, '还没到抽签报名时间：放票后才能报名'],
  lottery_closed: [409, '抽签报名已截止'],
  lottery_not_drawn: [409, '本场抽签分配座位，开奖前不能直接领票或候补；请先报名抽签'],
  // member standing (no-show strikes)
  suspended: [403, '因 90 天内爽约累计 3 次，暂停领票、排队和抽签，到期自动恢复'],
  // tickets
  unknown_ticket: [404, '没有找到这张票'],
  already_cancelled: [409, '这张票已经退过了'],
  ticket_cancelled: [409, '这张票已退，不能入场'],
  already_checked_in: [409, '这张票已经检过票了'],
  wrong_screening: [409, '这张票不是本场的'],
  invalid_ticket_qr: [400, '二维码无效，不是惠工影院的票'],
  // staff
  staff_unauthorized: [401, '请先以工作人员身份登录（或所用的 API 令牌无效、已撤销，账号已停用）'],
  staff_forbidden: [403, '你的工作人员角色无权进行这项操作'],
  staff_invalid_credentials: [401, '用户名或密码不正确'],
  staff_account_exists: [409, '这个用户名已被使用'],
  staff_account_not_found: [404, '没有这个工作人员账号'],
  staff_token_not_found: [404, '没有这个 API 令牌，或它已被撤销'],
  staff_own_account: [409, '不能停用自己的账号或更改自己的角色，请另一位管理员操作'],
  staff_bootstrap_closed: [409, '已有管理员账号，不能再用初始化密钥创建账号：请管理员在控制台的“账号”页创建'],
  seats_unavailable: [409, '所选座位中有已被占用或不存在的座位'],
  seats_not_bookable: [422, '所选座位中有本影厅没有或不开放的座位'],
  range_outside_hall: [422, '所选范围超出了这一排的座位'],
  screening_booked_whole: [409, '本场已在节目单中整场包给基层工会，不能再订座'],
  booking_not_found: [404, '该工会在本场没有包下这些座位'],
  screening_not_over: [409, '放映结束后才能清除本场的票务数据'],
  purge_too_early: [409, `放映结束 ${CINEMA_RULES.strikes.noShowGraceHours} 小时后才能清除本场的票务数据：离线检票的设备可能还没同步，爽约要到那时才统计`],
  invalid_restore_point: [422, '只能恢复到过去 30 天内的某个时间'],
  strike_not_found: [404, '该会员在这一场没有这项记录'],
  restore_unsupported: [501, '这里的存储不保留历史（本地开发环境），无法按时间恢复'],
  // search
  search_query_missing: [400, '请输入要搜索的关键词'],
  search_query_too_long: [400, `关键词太长：最多 ${MAX_QUERY_LENGTH} 个字`],
  search_bad_parameter: [400, '搜索参数有误：类型只能是新闻、光荣榜、服务项目或影院，排序只能按相关度或时间，页码从 1 起'],
  search_unavailable: [503, '搜索暂时不可用，请稍后再试，或从栏目浏览'],
  // roster upload (admin)
  roster_upload_not_found: [404, '没有这次名单上传（超过 7 天未应用会被清除），请重新选择文件上传'],
  roster_upload_closed: [409, '这份名单已在应用或已应用，不能再修改'],
  roster_chunk_out_of_range: [422, '这份名单没有这一段'],
  roster_upload_incomplete: [409, '名单还没有传完，请继续上传'],
  roster_replace_with_problems: [422, '名单中有错误的行：替换前请先改正（合并可以跳过错误的行）'],
  roster_apply_running: [409, '另一份名单正在应用，请等它完成后再试'],
  roster_mode_conflict: [409, '这份名单已按另一种方式（合并或替换）应用'],
} as const satisfies Record<string, readonly [ContentfulStatusCode, string]>;

export type RefusalCode = keyof typeof REFUSALS;

/** The ApiError for a refusal code, with any details (opensAt, suggestions, the held ticket…). */
export function refusal(code: RefusalCode, details: Record<string, unknown> = {}): ApiError {
  const [status, message] = REFUSALS[code];
  return new ApiError(status, code, message, details);
}
