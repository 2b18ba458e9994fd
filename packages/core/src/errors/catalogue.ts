/** What every diagnostic of one kind shares: a title, what to do by default, where it is documented. */
export interface RuleEntry {
  /** The kind of problem in a few words, for lists and the docs. */
  title: string
  /** What to do about it, when the place that reports it has nothing more specific to say. */
  hint: string
  /** The stage that reports it. */
  stage:
    | 'config'
    | 'content'
    | 'markdown'
    | 'authors'
    | 'routes'
    | 'images'
    | 'render'
    | 'search'
    | 'quality'
    | 'preview'
    | 'build'
    | 'import'
}

/**
 * Every kind of problem Warta reports, by its stable rule id. A diagnostic's `ruleId` is one
 * of these keys; `docs/diagnostics.md` has a section for each (its anchor is the id).
 */
export const RULES = {
  config: {
    title: 'The config file does not load or is invalid',
    hint: 'Fix the config file; the message names the option.',
    stage: 'config',
  },
  'no-articles': {
    title: 'A build published no articles',
    hint: 'Put articles in the content folder, or point content.dir at the folder that holds them.',
    stage: 'content',
  },
  'source-too-large': {
    title: 'A source file is too large to convert',
    hint: 'Split the article, or move large data out of the markdown.',
    stage: 'content',
  },
  'paragraph-too-complex': {
    title: 'A paragraph has too many emphasis markers or too deeply nested links to convert',
    hint: 'Escape the markers meant as text with a backslash, or split the paragraph.',
    stage: 'content',
  },
  'empty-file': {
    title: 'A markdown file is empty',
    hint: 'Write the article, or delete the file.',
    stage: 'content',
  },
  'front-matter-missing': {
    title: 'A markdown file has no front matter',
    hint: 'Start the file with a `---` line, `title:` and `date:`, and a closing `---` line.',
    stage: 'content',
  },
  'front-matter-unclosed': {
    title: 'The front matter is never closed',
    hint: 'End the front matter with a line of three dashes (`---`).',
    stage: 'content',
  },
  'front-matter-dialect': {
    title: 'The front matter is in a dialect Warta does not read',
    hint: 'Write the front matter as YAML between `---` lines; executable front matter is never run.',
    stage: 'content',
  },
  'front-matter-yaml': {
    title: 'The front matter is not valid YAML',
    hint: 'Fix the YAML at the position given; quote values that contain a colon.',
    stage: 'content',
  },
  'front-matter-schema': {
    title: 'A front matter field is missing or has the wrong type',
    hint: 'Correct the field as the message says, or extend the schema in the config.',
    stage: 'content',
  },
  'schema-extension': {
    title: 'The site’s schema extension drops or retypes a field Warta needs',
    hint: 'Extend the base schema without making `title` or `date` optional or changing their type.',
    stage: 'content',
  },
  'skipped-files': {
    title: 'Files in the content folder that Warta does not read',
    hint: 'Rename them to .md if they are articles, or move them out of the content folder.',
    stage: 'content',
  },
  'content-failed': {
    title: 'A file could not be processed',
    hint: 'Check the site’s schema extension and plugins against this file.',
    stage: 'content',
  },
  'content-worker': {
    title: 'Processing a file stopped its worker thread',
    hint: 'Look for what in this file a markdown plugin or the schema cannot handle; other files were processed.',
    stage: 'content',
  },
  'markdown-failed': {
    title: 'The markdown could not be converted',
    hint: 'Check the body near any unusual syntax, or the site’s markdown plugins.',
    stage: 'markdown',
  },
  markdown: {
    title: 'A message from a markdown plugin',
    hint: 'See the plugin’s documentation.',
    stage: 'markdown',
  },
  'html-removed': {
    title: 'The sanitizer removed raw HTML from a body',
    hint: "Write it in markdown, or set markdown.html: 'trusted' if every writer of the site is trusted.",
    stage: 'markdown',
  },
  'embed-removed': {
    title: 'An iframe from a host not in markdown.embeds was removed',
    hint: 'Add the host to markdown.embeds if you trust it, or link to the page instead.',
    stage: 'markdown',
  },
  'html-escaped': {
    title: "GFM's tag filter showed a raw HTML tag as text",
    hint: 'Remove the tag; styles and scripts belong in the theme, embeds in an allowed iframe.',
    stage: 'markdown',
  },
  'unknown-author': {
    title: 'A byline names no author file, so it is a plain name',
    hint: 'Add the author file for an author page with a bio, or correct the id if one was meant.',
    stage: 'authors',
  },
  'retraction-note': {
    title: 'A retracted article has no editor’s note',
    hint: 'Add `editorNote: { date, note }` saying when and why the story was retracted.',
    stage: 'content',
  },
  'unsafe-url': {
    title: 'A URL would leave the output folder or name a hidden file',
    hint: 'Change the slug or permalink to plain words separated by "-".',
    stage: 'routes',
  },
  'duplicate-url': {
    title: 'Two sources want the same URL',
    hint: 'Give one of them a different `slug` in its front matter.',
    stage: 'routes',
  },
  'edition-unknown': {
    title: "An article's lang is the language of no edition",
    hint: 'Set lang to an edition key (or a tag of its language), or add an edition for it to languages.',
    stage: 'routes',
  },
  'translation-key-duplicate': {
    title: 'Two articles of one edition share a translationKey',
    hint: 'Give one of them another translationKey, or move the translation into its edition.',
    stage: 'routes',
  },
  'image-missing': {
    title: 'A picture’s file does not exist',
    hint: 'Put the file in public/ (for /images/x.jpg) or beside the article (for x.jpg), or correct the path.',
    stage: 'images',
  },
  'image-corrupt': {
    title: 'A picture’s file is damaged or cut short',
    hint: 'Export the picture again from the camera or editor, or replace the file.',
    stage: 'images',
  },
  'image-unsupported': {
    title: 'A picture is in a format Warta does not read',
    hint: 'Save it as JPEG, PNG, WebP, AVIF, GIF or SVG (HEIC photos: export as JPEG).',
    stage: 'images',
  },
  'image-too-large': {
    title: 'A picture has more pixels than Warta decodes (a possible decompression bomb)',
    hint: 'Scale the picture down, or raise `images.maxPixels` if the file is trusted.',
    stage: 'images',
  },
  'image-svg-unsafe': {
    title: 'An SVG could run script or load other files',
    hint: 'Remove scripts, event handlers and external references from the SVG, or use a PNG.',
    stage: 'images',
  },
  'share-card-text': {
    title: 'A generated share card cannot show some characters',
    hint: 'Give the article a photo, or set `site.image` and `images.articleCards: false`.',
    stage: 'images',
  },
  'template-syntax': {
    title: 'A template does not compile',
    hint: 'Fix the Handlebars syntax at the position given.',
    stage: 'render',
  },
  'template-render': {
    title: 'Rendering a page failed',
    hint: 'Check the template and the helpers it calls.',
    stage: 'render',
  },
  'ejected-manifest-invalid': {
    title: 'partials/.ejected.json cannot be read',
    hint: 'Delete partials/.ejected.json and eject the partials again, or restore the file.',
    stage: 'render',
  },
  'ejected-partial-outdated': {
    title: 'The theme changed a partial the site has ejected',
    hint: 'Compare the site’s copy with the theme’s and merge the changes, then eject again to record it.',
    stage: 'render',
  },
  'search-index': {
    title: 'The search index could not be built',
    hint: 'Pagefind names the problem; if it cannot run on this machine, set `search: false` in the config or report the platform.',
    stage: 'search',
  },
  'image-alt': {
    title: 'An image has no alt text',
    hint: 'Describe the image for readers who cannot see it.',
    stage: 'quality',
  },
  'missing-summary': {
    title: 'An article has no summary',
    hint: 'Add `summary:` to the front matter: it is the meta description and the card text.',
    stage: 'quality',
  },
  'title-length': {
    title: 'A title is longer than search results show',
    hint: 'Shorten the title, or keep the key words within the first 70 characters.',
    stage: 'quality',
  },
  'description-length': {
    title: 'A description is longer than search results show',
    hint: 'Shorten the summary to about 160 characters.',
    stage: 'quality',
  },
  'heading-order': {
    title: 'A heading skips a level',
    hint: 'Use the next heading level down (## after the title, then ###).',
    stage: 'quality',
  },
  'broken-link': {
    title: 'An internal link leads nowhere',
    hint: 'Check the path against the page’s address, or remove the link.',
    stage: 'quality',
  },
  'duplicate-title': {
    title: 'Two articles have the same title',
    hint: 'Give each article its own title.',
    stage: 'quality',
  },
  'duplicate-canonical': {
    title: 'Two articles name the same canonical URL',
    hint: 'Each canonical URL should belong to one article.',
    stage: 'quality',
  },
  'og-image': {
    title: 'An article has no share image, or one that is too small',
    hint: 'Give the article a lead image at least 1200 px wide.',
    stage: 'quality',
  },
  'image-upscaled': {
    title: 'A photo is narrower than the place it is shown in',
    hint: 'Use a larger version of the photo: it is stretched past its pixels and looks soft.',
    stage: 'quality',
  },
  watch: {
    title: 'The preview cannot watch the site folder',
    hint: 'Raise the system’s file-watch limit, or exclude large folders from the site folder.',
    stage: 'preview',
  },
  'import-file': {
    title: 'A file of the archive was not imported',
    hint: 'Fix the file in the archive as the message says, then run warta import again: files already imported are kept.',
    stage: 'import',
  },
  'import-field': {
    title: 'A front matter field of the archive could not be mapped',
    hint: 'Correct the field in the imported file, or in the archive before importing.',
    stage: 'import',
  },
  'import-template': {
    title: 'A template tag of the old generator was left in a body',
    hint: 'Replace the tag with markdown or HTML in the imported file.',
    stage: 'import',
  },
  'import-exists': {
    title: 'An imported file would replace one that exists',
    hint: 'Move the existing file away if the imported one should replace it, then import again.',
    stage: 'import',
  },
  build: {
    title: 'A build stopped with an unexpected error',
    hint: 'Run `warta build --verbose` for the stack, and report it if the message does not say what to do.',
    stage: 'build',
  },
  'output-foreign': {
    title: 'The output folder holds files Warta did not write, where the build would replace them',
    hint: 'Move your own files into public/ (Warta then publishes them), or out of the output folder; Warta never deletes or overwrites a file it did not write.',
    stage: 'build',
  },
} as const satisfies Record<string, RuleEntry>

/** The stable id of a kind of problem, e.g. `front-matter-yaml`. */
export type RuleId = keyof typeof RULES

/** Every rule id, in catalogue order. */
export const RULE_IDS = Object.keys(RULES) as RuleId[]
