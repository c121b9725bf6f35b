"""A phone in WeChat for the site tests: 360 × 740, touch, and WeChat's Android user agent."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

# WeChat's in-app browser on Android (XWEB) as it reports itself
WECHAT = (
    "Mozilla/5.0 (Linux; Android 12; V2049A Build/SP1A.210812.003; wv) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5197 "
    "MMWEBSDK/20230504 MicroMessenger/8.0.37.2380(0x2800253D) WeChat/arm64 Weixin NetType/WIFI "
    "Language/zh_CN ABI/arm64"
)


@contextmanager
def wechat_phone(browser) -> Iterator:
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, user_agent=WECHAT, locale="zh-CN",
        device_scale_factor=2, is_mobile=True, has_touch=True,
    )
    try:
        yield context.new_page()
    finally:
        context.close()
