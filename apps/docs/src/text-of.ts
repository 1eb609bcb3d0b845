import { type Node, TextNode } from 'node-html-parser';

/** The text of an element with a space between text nodes, so adjacent table cells stay separate words. */
export function textOf(node: Node): string {
  if (node instanceof TextNode) return node.text;
  return node.childNodes.map(textOf).join(' ');
}
