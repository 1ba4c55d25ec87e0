/**
 * The Atom 1.0 feed (RFC 4287) of published answers to feedback, so a unit's social-network pages and news readers can
 * repost them. Built with fast-xml-parser's XMLBuilder, which escapes every text and attribute. Only the official's
 * public text goes in: title, summary, answer, unit, category and dates — never the sender's words or contact.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { PublishedFeedback } from './public-queries.ts';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });

const iso = (v: Date | string): string => new Date(v).toISOString();

// XML 1.0 forbids most control characters even when escaped: drop them (public text is typed by officials).
const xmlText = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/(?![\t\n\r])\p{Cc}/gu, '')
    .replace(/[\ufffe\uffff]/g, '');

/** The plain-text body of one entry: the summary, then the answer, then where it came from. */
export function entryText(item: PublishedFeedback): string {
  return [item.public_summary, `Trả lời của ${item.unit_name}:`, item.answer].map(xmlText).join('\n\n');
}

export interface FeedInput {
  /** The site's public URL without a trailing slash (config.publicUrl). */
  baseUrl: string;
  /** The feed's own address (rel="self"), also its id. */
  selfUrl: string;
  title: string;
  /** Who publishes: the unit's name, or the site's. */
  author: string;
  items: readonly PublishedFeedback[];
  /** Used as the feed's `updated` when there is no entry yet. */
  now: Date;
}

/** The feed document as a string (UTF-8, with the XML declaration). */
export function atomFeed(f: FeedInput): string {
  const updated = f.items.length ? iso(f.items[0]?.published_at as Date | string) : f.now.toISOString();
  const feed = {
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      '@_xml:lang': 'vi',
      id: f.selfUrl,
      title: xmlText(f.title),
      updated,
      author: { name: xmlText(f.author) },
      link: [
        { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': f.selfUrl },
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': `${f.baseUrl}/phan-anh` },
      ],
      entry: f.items.map((item) => {
        const url = `${f.baseUrl}/phan-anh/p/${item.code}`;
        return {
          id: url,
          title: { '@_type': 'text', '#text': xmlText(item.public_title) },
          updated: iso(item.published_at),
          published: iso(item.published_at),
          author: { name: xmlText(item.unit_name) },
          ...(item.category_name ? { category: { '@_term': item.category_code ?? '', '@_label': xmlText(item.category_name) } } : {}),
          link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': url },
          summary: { '@_type': 'text', '#text': xmlText(item.public_summary) },
          content: { '@_type': 'text', '#text': entryText(item) },
        };
      }),
    },
  };
  return builder.build(feed) as string;
}
