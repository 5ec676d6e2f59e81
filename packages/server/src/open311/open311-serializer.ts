import { XMLBuilder } from 'fast-xml-parser';
import type { Response } from 'express';
import {
  XML_ITEM_NAMES,
  type Open311Document,
  type Open311Element,
  type Open311Value,
} from './open311-document.js';
import type { Open311Format } from './open311-format.js';

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

const builder = new XMLBuilder({
  format: true,
  indentBy: '  ',
  ignoreAttributes: true,
  suppressEmptyNode: false,
  processEntities: true,
});

/** Characters XML 1.0 cannot hold at all, even escaped: most C0 controls, lone surrogates, U+FFFE/F. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Writes an Open311 document in the requested format with its content type (UTF-8). */
export function sendOpen311(
  res: Response,
  format: Open311Format,
  status: number,
  document: Open311Document,
): void {
  res.status(status);
  if (format === 'json') {
    res.type('application/json; charset=utf-8').send(JSON.stringify(document.body));
  } else {
    res.type('text/xml; charset=utf-8').send(renderXml(document));
  }
}

/** The document as XML, with the declaration and the spec's container names. */
export function renderXml(document: Open311Document): string {
  const { root, body } = document;
  const content = Array.isArray(body)
    ? { [itemName(root)]: body.map((item) => xmlElement(item)) }
    : xmlElement(body);
  const tree = { [root]: isEmpty(content) ? '' : content };
  return XML_DECLARATION + builder.build(tree);
}

type XmlNode = string | XmlTree | XmlNode[];
interface XmlTree {
  [name: string]: XmlNode;
}

function xmlElement(element: Open311Element): XmlTree {
  const tree: XmlTree = {};
  for (const [name, value] of Object.entries(element)) tree[name] = xmlValue(name, value);
  return tree;
}

function xmlValue(name: string, value: Open311Value): XmlNode {
  if (value === null) return '';
  if (typeof value === 'string') return value.replace(NOT_XML, '');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    // A list is a container element whose children repeat the item name; empty, it is `<name></name>`.
    if (value.length === 0) return '';
    return { [itemName(name)]: value.map((item) => xmlValue(itemName(name), item)) };
  }
  return xmlElement(value);
}

function itemName(listName: string): string {
  const item = XML_ITEM_NAMES[listName];
  if (item === undefined) throw new Error(`Open311 list "${listName}" has no XML item name`);
  return item;
}

function isEmpty(node: XmlTree): boolean {
  return Object.values(node).every((value) => Array.isArray(value) && value.length === 0);
}
