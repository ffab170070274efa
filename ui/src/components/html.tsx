// Html elements (div, span, h1-h6, p, a, img, lists, label, hr, table rows). Any of them
// counts clicks in `n_clicks` when the author gave it that prop. Button, Table and Code are
// Mantine's (mantine/), which take html's props too.

import { createElement, type ComponentType } from "react";
import { type ComponentProps, domProps, num, str } from "../props";
import { Node } from "../node";

const TAGS: Record<string, string> = {
  Div: "div", Span: "span", P: "p", H1: "h1", H2: "h2", H3: "h3", H4: "h4", H5: "h5", H6: "h6",
  A: "a", Img: "img", Ul: "ul", Ol: "ol", Li: "li", Label: "label", Hr: "hr",
  Thead: "thead", Tbody: "tbody", Tr: "tr", Th: "th", Td: "td", Section: "section",
  Header: "header", Main: "main", Footer: "footer", Nav: "nav", Pre: "pre",
};
const VOID = new Set(["img", "hr"]);

export function clickProps(p: ComponentProps): Record<string, unknown> {
  return {
    n_clicks: (num(p.current(), "n_clicks") ?? 0) + 1,
    n_clicks_timestamp: Date.now(),
  };
}

function element(tag: string): ComponentType<ComponentProps> {
  const Html = (p: ComponentProps) => {
    const attrs = domProps(p);
    if ("n_clicks" in p.props) attrs["onClick"] = () => p.setProps(clickProps(p));
    if (tag === "a") Object.assign(attrs, { href: str(p.props, "href"), target: str(p.props, "target") });
    if (tag === "img") Object.assign(attrs, { src: str(p.props, "src"), alt: str(p.props, "alt") ?? "" });
    if (tag === "label") attrs["htmlFor"] = str(p.props, "htmlFor");
    if (VOID.has(tag)) return createElement(tag, attrs);
    return createElement(tag, attrs, <Node node={p.props["children"]} />);
  };
  Html.displayName = tag;
  return Html;
}

export const htmlComponents: Record<string, ComponentType<ComponentProps>> = {
  ...Object.fromEntries(Object.entries(TAGS).map(([type, tag]) => [type, element(tag)])),
};
