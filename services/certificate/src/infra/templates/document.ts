/**
 * A whole HTML document around a rendered template body and its CSS. The page's own `<meta>` CSP is a second
 * fence behind the renderer's request interception: nothing but inline styles and `data:` images/fonts.
 */
export function htmlDocument(body: string, css: string): string {
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<style>${css}</style>
</head>
<body>${body}</body>
</html>`;
}
