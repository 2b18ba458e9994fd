import path from 'node:path'

/** The generators an archive can be imported from. */
export type Generator = 'hugo' | 'jekyll' | 'eleventy' | 'astro'

/** Every supported generator, in the order the CLI lists them. */
export const GENERATORS: readonly Generator[] = ['hugo', 'jekyll', 'eleventy', 'astro']

/** One post found in the archive, before its front matter is read. */
export interface FoundPost {
  /** Path below the archive folder, with forward slashes. */
  source: string
  /** Path the post gets below the site's content folder. */
  target: string
  /** The post's file or bundle name: the slug it had, unless its front matter names one. */
  name: string
  /** A Jekyll post's date from its file name (`2024-05-14-title.md`). */
  fileDate?: string
  /** Jekyll's `_drafts/` posts. */
  draft?: boolean
  /** Hugo page bundles: the folder whose other files travel with the post. */
  bundle?: string
}

/** Where a generator keeps its posts and its static files, and how it names their URLs. */
export interface GeneratorLayout {
  /** Globs of post files below the archive folder. */
  posts: string[]
  /** Globs never read as posts. */
  ignore: string[]
  /** Folders of static files, copied into the site's `public/`, and where below it they go. */
  statics: { from: string; to: string }[]
  /** Describes a post file found by `posts`, or says why it is not a post. */
  describe(source: string): FoundPost | { skip: string }
  /** The URL the generator gave a post by default, from its front matter and file. */
  defaultUrl(post: FoundPost, data: Record<string, unknown>, slug: string): string
}

/** Folders of images and downloads that Jekyll and Eleventy sites commonly serve as they are. */
const ASSET_FOLDERS = ['assets', 'images', 'img', 'uploads', 'files', 'media'].map((folder) => ({
  from: folder,
  to: folder,
}))

const IGNORED = [
  '**/node_modules/**',
  '**/_site/**',
  '**/.git/**',
  '**/public/**',
  '**/dist/**',
  '**/resources/**',
]
const JEKYLL_NAME = /^(\d{4})-(\d{2})-(\d{2})-(.+)\.(md|markdown)$/

const withoutExtension = (file: string) => file.replace(/\.(md|markdown)$/, '')
const urlOf = (...parts: string[]) => `/${parts.filter(Boolean).join('/')}/`.replace(/\/+/g, '/')

const stringList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value.split(/\s+/).filter(Boolean)
      : []

/** Each generator's documented content layout and default permalinks. */
export const LAYOUTS: Record<Generator, GeneratorLayout> = {
  hugo: {
    posts: ['content/**/*.md', 'content/**/*.markdown'],
    ignore: IGNORED,
    statics: [{ from: 'static', to: '' }],
    describe(source) {
      const base = path.posix.basename(source)
      if (/^_index\.(md|markdown)$/.test(base)) return { skip: 'a section list page (_index.md), not a post' }
      const relative = source.slice('content/'.length)
      const bundle = /^index\.(md|markdown)$/.test(base) ? path.posix.dirname(source) : undefined
      const name = bundle ? path.posix.basename(bundle) : withoutExtension(base)
      const folder = path.posix.dirname(bundle ? path.posix.dirname(relative) : relative)
      return { source, target: path.posix.join(folder === '.' ? '' : folder, `${name}.md`), name, bundle }
    },
    // Hugo: `/<section>/<slug or file name>/`, or the post's `url`.
    defaultUrl(post, data, slug) {
      if (typeof data.url === 'string') return data.url
      const section = path.posix.dirname(post.target)
      return urlOf(section === '.' ? '' : section, slug)
    },
  },
  jekyll: {
    posts: ['_posts/**/*.{md,markdown}', '_drafts/**/*.{md,markdown}'],
    ignore: IGNORED,
    statics: ASSET_FOLDERS,
    describe(source) {
      const base = path.posix.basename(source)
      const draft = source.startsWith('_drafts/')
      const match = JEKYLL_NAME.exec(base)
      const name = match ? (match[4] ?? '') : withoutExtension(base)
      const fileDate = match ? `${match[1]}-${match[2]}-${match[3]}` : undefined
      if (!match && !draft)
        return { skip: 'a _posts file whose name does not start with its date (YYYY-MM-DD-title.md)' }
      const year = fileDate?.slice(0, 4) ?? 'drafts'
      return { source, target: path.posix.join(draft ? 'drafts' : year, `${name}.md`), name, fileDate, draft }
    },
    // Jekyll's default permalink style, `date`: /:categories/:year/:month/:day/:title.html.
    defaultUrl(post, data) {
      if (typeof data.permalink === 'string') return data.permalink
      const categories = [...stringList(data.categories), ...stringList(data.category)].map((c) =>
        c.toLowerCase(),
      )
      const date = String(data.date ?? post.fileDate ?? '')
        .slice(0, 10)
        .split('-')
      return `${urlOf(...categories, ...date)}${post.name}.html`
    },
  },
  eleventy: {
    posts: ['**/*.md'],
    ignore: [
      ...IGNORED,
      '**/_includes/**',
      '**/_data/**',
      '**/README.md',
      '**/CHANGELOG.md',
      '**/LICENSE.md',
    ],
    statics: [...ASSET_FOLDERS, { from: 'public', to: '' }],
    describe(source) {
      const base = path.posix.basename(source)
      const folder = path.posix.dirname(source)
      const name = base === 'index.md' ? path.posix.basename(folder) : withoutExtension(base)
      const inner = folder.replace(/^(content|src|site)(\/|$)/, '')
      const parent = base === 'index.md' ? path.posix.dirname(inner) : inner
      return { source, target: path.posix.join(parent === '.' ? '' : parent, `${name}.md`), name }
    },
    // Eleventy: the path below its input folder (commonly content/ or src/), `blog/post.md` →
    // `/blog/post/`, or the post's `permalink`.
    defaultUrl(post, data) {
      if (typeof data.permalink === 'string') return data.permalink
      return urlOf(withoutExtension(post.target))
    },
  },
  astro: {
    posts: ['src/content/**/*.md', 'src/content/**/*.markdown'],
    ignore: IGNORED,
    statics: [{ from: 'public', to: '' }],
    describe(source) {
      const relative = source.slice('src/content/'.length)
      const base = path.posix.basename(relative)
      const name =
        base === 'index.md' ? path.posix.basename(path.posix.dirname(relative)) : withoutExtension(base)
      return { source, target: relative.replace(/\/index\.md$/, '.md').replace(/\.markdown$/, '.md'), name }
    },
    // Astro's blog template routes a collection entry to /<collection>/<id>/.
    defaultUrl(post) {
      return urlOf(withoutExtension(post.target))
    },
  },
}
