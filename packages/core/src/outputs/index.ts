export {
  FEED_FORMATS,
  type FeedFile,
  type FeedType,
  feedLinks,
  type GenerateFeedsOptions,
  generateFeeds,
} from './feeds.js'
export { absoluteUrl, absolutizeHtml } from './url.js'
export { stripInvalidXmlChars } from './xml-text.js'
