import { describe, expect, it } from 'vitest';
import { isWeChatBrowser } from '../../src/cinema/wechat';

describe('isWeChatBrowser', () => {
  it("tells WeChat's in-app browser, on Android and iPhone, from a phone's own browser", () => {
    const android =
      'Mozilla/5.0 (Linux; Android 12; V2055A Build/SP1A.210812.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5023 MMWEBSDK/20230303 MMWEBID/1151 MicroMessenger/8.0.34.2340(0x2800225D) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';
    const iphone =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.38(0x18002629) NetType/4G Language/zh_CN';
    const chrome = 'Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
    const safari = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
    expect([android, iphone].map(isWeChatBrowser)).toEqual([true, true]);
    expect([chrome, safari, ''].map(isWeChatBrowser)).toEqual([false, false, false]);
  });
});
