/**
 * Where a page puts a certificate address other than `href`. Real footers keep `href="#"` or
 * `javascript:void(0)` and open the certificate from an event handler, a bound attribute or a data
 * attribute. Each entry names an attribute and how its value carries the address.
 */
export interface AddressAttribute {
  name: string;
  /** 'url': the value is the address; 'code': script text with the address in a string; 'binding': a property name the page's script sets. */
  carries: 'url' | 'code' | 'binding';
}

export const ADDRESS_ATTRIBUTES: readonly AddressAttribute[] = [
  { name: 'onclick', carries: 'code' }, // JSP/ASP.NET footers: onclick="window.open('…')", OpenUrl('…'), location.href=&quot;…&quot;
  { name: '@click', carries: 'code' }, // Vue in-DOM templates: @click="go('…')"
  { name: 'v-on:click', carries: 'code' }, // Vue: v-on:click="openLink('…')" on a div around the image
  { name: '(click)', carries: 'code' }, // Angular: (click)="open('…')"
  { name: 'ng-click', carries: 'code' }, // AngularJS 1.x
  { name: 'data-href', carries: 'url' }, // jQuery delegated handlers: <a href="#" data-href="…">
  { name: 'data-url', carries: 'url' }, // <span class="conac" data-url="…"> opened by site script
  { name: 'data-link', carries: 'url' }, // layui: <a href="javascript:;" data-link="…">
  { name: ':href', carries: 'binding' }, // Vue: :href="linkHref" with linkHref: '…' in data()
  { name: 'v-bind:href', carries: 'binding' }, // Vue long form
  { name: '[href]', carries: 'binding' }, // Angular: [href]="conacUrl" with conacUrl = '…' in the component
];

/** How far up from the mark image a handler or link is looked for (image → a → div → li). */
export const HANDLER_DEPTH = 4;
