import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/cinema/catalogue';
import { drawOrder, walkDraw } from '../../src/cinema/lottery-draw';
import { rulesInWords } from '../../src/cinema/rules-in-words';
import { pageDocument } from '../../src/search/page-document';
import { distDir, executableScripts, readPage } from '../helpers/dist';

const dist = distDir();
const page = readPage(dist, 'cinema/rules/index.html');
const text = page.querySelector('main')!.text.replace(/\s+/g, ' ');
const words = rulesInWords();
const section = (id: string) => page.querySelector(`section[aria-labelledby="${id}"]`)!.text.replace(/\s+/g, ' ');

describe('/cinema/rules/', () => {
  it('gives search its rules, not its way back or its table of contents (a result would open on ‹ 惠工影院)', () => {
    const document = pageDocument('/cinema/rules/', readFileSync(`${dist}/cinema/rules/index.html`, 'utf8'))!;
    expect(document.body.startsWith('惠工影院的票免费'), document.body.slice(0, 40)).toBe(true);
    expect(document.body).not.toContain('本页目录');
  });

  it('is plain HTML: no script runs on it', () => {
    expect(executableScripts(page)).toEqual([]);
  });

  it('has a section for each mode, the weights, strikes and 核对, reachable from its table of contents', () => {
    const toc = page.querySelectorAll('nav.toc a').map((a) => a.getAttribute('href'));
    expect(toc).toEqual(['#first-come', '#lottery', '#weights', '#strikes', '#verify']);
    for (const id of toc) expect(page.querySelector(`h2${id}`), id).not.toBeNull();
  });

  it('states the release, queue and close times as src/cinema/rules.ts has them', () => {
    const firstCome = section('first-come');
    expect(firstCome).toContain(`每${words.releaseTimes} 放票`);
    expect(firstCome).toContain(`放票前 ${words.queueOpensMinutes} 分钟（${words.releases[0]!.queueOpens}）`);
    expect(firstCome).toContain(`开场前 ${words.closeBeforeMinutes} 分钟停止领票`);
  });

  it('states each release’s draw time and the seats an entry may ask for, from the rules', () => {
    const lottery = section('lottery');
    for (const release of words.releases) expect(lottery).toContain(`${release.release} 放票的场次，${release.draw} 抽签`);
    expect(lottery).toContain(`一次最多 ${words.maxSeatsPerEntry} 张`);
  });

  it('tabulates the weights up to the cap and says why it is capped', () => {
    const rows = page.querySelectorAll('#weights ~ table tbody tr, section[aria-labelledby="weights"] tbody tr').map((row) => row.querySelectorAll('td').map((cell) => cell.text.trim()));
    expect(rows).toEqual(words.weights.map((row) => [row.losses, String(row.weight)]));
    expect(section('weights')).toContain(`最多 ${words.maxWeight}`);
    expect(section('weights')).toContain(`为什么封顶 ${words.maxWeight}`);
  });

  it('states the no-show strikes and the suspension of issue 12 §4', () => {
    const strikes = section('strikes');
    expect(strikes).toContain('开场后 15 分钟还没检票：记爽约 1 次');
    expect(strikes).toContain('开场前 3 小时内退票：记 0.5 次');
    expect(strikes).toContain('90 天内累计满 3 次：暂停领票、排队和抽签 30 天');
  });

  it('says a loss counts only for a loser the waitlist never seated, and what a suspension does to an entry and a waitlist place', () => {
    expect(section('lottery')).toContain('从候补补到票的，这一场算中签');
    expect(section('weights')).toContain('到本场停止领票时还没从候补补到票，才算一次未中签');
    expect(section('strikes')).toContain('报名抽签以后被暂停的，开奖时不参加抽签，公开数据里列在 excluded（未参加）中');
    expect(section('strikes')).toContain('在候补中被暂停的，有人退票时先跳过您，候补位置保留');
    expect(section('verify')).toContain('列在 excluded（未参加）里的报名跳过');
  });

  it('works an example of 核对: the commitment shown is SHA-256 of the seed shown, and the verify command', () => {
    const [seed, commitment] = page.querySelectorAll('section[aria-labelledby="verify"] .hex code').map((code) => code.text.trim());
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(commitment).toBe(createHash('sha256').update(Buffer.from(seed!, 'hex')).digest('hex'));
    expect(section('verify')).toContain('npm run lottery:verify --');
    expect(section('verify')).toContain('/api/screenings/场次编号/draw');
  });

  it('works an example draw whose order and winners the server’s draw reproduces from the seed and entries shown', async () => {
    const seed = page.querySelector('section[aria-labelledby="verify"] .hex code')!.text.trim();
    const rows = page.querySelectorAll('table.example tbody tr').map((row) => row.querySelectorAll('td').map((cell) => cell.text.trim()));
    expect(rows.length).toBeGreaterThan(2);
    const entries = rows.map(([, entrant, weight, seats]) => ({ entrant: entrant!, weight: Number(weight), seats: Number(seats) as 1 | 2 }));
    const seats = Number(/假如这场有 (\d+) 个座位/.exec(section('verify'))![1]);
    const order = await drawOrder(seed, entries);
    const winners = walkDraw(order, seats).winners;
    expect(rows.map(([place, entrant]) => [place, entrant])).toEqual(order.map((entry, i) => [String(i + 1), entry.entrant]));
    expect(rows.map((row) => row[4])).toEqual(order.map((entry) => (winners.includes(entry.entrant) ? '中签' : '未中签')));
    // The example shows the cases a reader needs: a pair, a weight above 1, someone passed over.
    expect(entries.some((entry) => entry.seats === 2) && entries.some((entry) => entry.weight > 1) && winners.length < entries.length).toBe(true);
  });

  it('is linked from /cinema/, the 惠工影院 program page, and every lottery screening listed without scripts', () => {
    const links = (file: string) => readPage(dist, file).querySelectorAll('a').map((a) => a.getAttribute('href') ?? '');
    expect(links('cinema/index.html')).toContain('/cinema/rules/');
    expect(links('programs/huigong-yingyuan/index.html')).toContain('/cinema/rules/');
    const cinema = readPage(dist, 'cinema/index.html');
    const catalogue = JSON.parse(readFileSync('functions/generated/catalogue.json', 'utf8')) as Catalogue;
    const listed = catalogue.screenings.filter((s) => s.allocation === 'lottery' && cinema.querySelector(`.screening[data-id="${s.id}"]`));
    expect(listed.length).toBeGreaterThan(0);
    for (const screening of listed) {
      const card = cinema.querySelector(`.screening[data-id="${screening.id}"]`)!;
      expect(card.querySelector('a[href="/cinema/rules/#lottery"]'), screening.id).not.toBeNull();
      expect(card.querySelector(`time[datetime="${screening.drawAt}"]`), screening.id).not.toBeNull();
    }
  });
});
