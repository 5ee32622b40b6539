/**
 * Comment syntaxes that hide a mark. Server-side template comments left raw in served HTML are
 * text to a browser, but the author meant the markup inside removed: a mark there is not the page's
 * claim. In script text, JS comments are found by a tokenizer (text-comments.ts) that knows strings.
 */
export interface CommentSyntax {
  open: string;
  close: string;
}

/** In HTML text (between elements) and in client-side template blocks. */
export const TEMPLATE_COMMENTS: readonly CommentSyntax[] = [
  { open: '<%--', close: '--%>' }, // JSP / ASP.NET Web Forms server comments
  { open: '{{!--', close: '--}}' }, // Handlebars block comments (x-handlebars-template blocks)
  { open: '{{!', close: '}}' }, // Handlebars / Mustache short comments
  { open: '{#', close: '#}' }, // Jinja2 / Twig / Django templates
  { open: '<#--', close: '-->' }, // FreeMarker (TRS and Java CMS templates)
  { open: '@*', close: '*@' }, // ASP.NET Razor
];

/** HTML comments inside client-side template text (<script type="text/template">, <template>). */
export const HTML_COMMENT: CommentSyntax = { open: '<!--', close: '-->' };

/** Script types whose text is a template (markup), not code. */
export const TEMPLATE_SCRIPT_TYPES: readonly string[] = [
  'text/x-jquery-tmpl', // jQuery tmpl ($.tmpl)
  'text/template', // Underscore / Backbone
  'text/html', // art-template, Knockout
  'text/x-handlebars-template', // Handlebars
  'text/x-template', // Vue x-templates
];
