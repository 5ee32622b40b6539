/**
 * Stylesheets of what GovMark draws on a page. Each travels with the message that asks for the
 * drawing (the alert from the background, the outline from the popup), so the content script
 * that runs on every page carries none of them. Light and dark follow the system.
 */
export const ALERT_CSS = `:host{all:initial!important;display:block!important;position:fixed!important;top:0!important;left:0!important;right:0!important;z-index:2147483647!important;visibility:visible!important;opacity:1!important}
.bar{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;margin:8px auto;max-width:960px;box-sizing:border-box;padding:12px 16px;border:2px solid #b91c1c;border-radius:8px;background:#fef2f2;color:#1f2328;font:14px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.25)}
.bar::before{content:"!"/"";flex:none;width:28px;height:28px;border-radius:50%;background:#b91c1c;color:#fff;font-weight:700;font-size:18px;line-height:28px;text-align:center}
.text{flex:1 1 320px;margin:0}
strong{color:#991b1b;margin-right:6px}
.actions{display:flex;flex-wrap:wrap;align-items:center;gap:8px}
button{font:inherit;cursor:pointer;border-radius:6px;padding:4px 12px;border:1px solid #b91c1c;background:#b91c1c;color:#fff}
button.plain{background:transparent;color:#991b1b}
button.link{border:0;background:none;padding:4px;color:#1d4ed8;text-decoration:underline}
button:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
@media (prefers-color-scheme:dark){.bar::before{background:#f87171;color:#1b0b0c}.bar{background:#2a1215;border-color:#f87171;color:#f0f3f6}strong{color:#fca5a5}button{background:#f87171;border-color:#f87171;color:#1b0b0c}button.plain{background:transparent;color:#fca5a5}button.link{color:#93c5fd}button:focus-visible{outline-color:#93c5fd}}`;

/** The outline around a mark ("在页面上显示"): a ring, and the rest of the page dimmed. */
export const OUTLINE_CSS = `:host{all:initial!important;position:fixed!important;inset:0!important;z-index:2147483646!important;pointer-events:none!important;display:block!important;visibility:visible!important;opacity:1!important}
div{position:absolute;box-sizing:border-box;border:3px solid #d97706;border-radius:4px;box-shadow:0 0 0 4px rgba(217,119,6,.35),0 0 0 9999px rgba(0,0,0,.25)}`;
