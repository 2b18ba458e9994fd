// Writes a seeded archive of N blog posts in the content format of Hugo, Jekyll, Eleventy or
// Astro, as a site moving to Warta would bring it: YAML (or, for Hugo, some TOML) front matter
// in each generator's own field names and date formats, and bodies with what real posts hold —
// bare download links, raw HTML figures, videos, iframes, <details>, <pre> listings, footnotes,
// aligned tables, social-post embeds and editors' comments.
// node scripts/generate-archive.mjs <dir> <count> [hugo|jekyll|eleventy|astro]
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { seededText } from './generate-corpus.mjs'

const WORDS = (
  'release fixes the parser for nested lists and adds a faster cache the team thanks every contributor who ' +
  'reported bugs tested builds and wrote documentation this version also updates dependencies improves error ' +
  'messages and makes the command line clearer upgrade notes follow below please read them before updating ' +
  'servers in production the community meetup in samarinda discussed roadmap packaging and translations'
).split(' ')
const AUTHORS = ['Rina Wati', 'Budi Santoso', 'Siti Aminah', 'Andi Pratama']
const TAGS = ['release', 'security', 'community', 'docs', 'performance', 'packaging', 'meetup']

/** What each post of the archive holds, counted as it is written, to compare with the built site. */
export function createPostWriter(seed = 7) {
  const { rnd, pick, sentence, paragraph } = seededText(seed, WORDS, 12)
  return (i) => {
    const version = `v${1 + Math.floor(i / 100)}.${Math.floor(i / 10) % 10}.${i % 10}`
    const counts = {
      bareLinks: 0,
      figures: 0,
      videos: 0,
      iframes: 0,
      details: 0,
      listings: 0,
      footnotes: 0,
      tables: 0,
      social: 0,
      comments: 0,
      unsafe: 0,
    }
    const blocks = [paragraph()]
    const downloads = 1 + Math.floor(rnd() * 4)
    const list = []
    for (let d = 0; d < downloads; d++) {
      list.push(
        `- ${pick(['Linux', 'macOS', 'Windows', 'Source'])}: https://downloads.example.org/${version}/app-${version}-${d}.tar.gz`,
      )
      counts.bareLinks++
    }
    blocks.push(`Downloads for ${version}:\n\n${list.join('\n')}`)
    blocks.push(`Questions go to www.example.org/forum or release-team@example.org.`)
    counts.bareLinks += 2
    if (rnd() < 0.3) {
      blocks.push(
        `<figure>\n  <img src="/images/${version}/diagram.png" alt="Architecture of ${version}" width="1200" height="675">\n  <figcaption>How the cache works in ${version}.</figcaption>\n</figure>`,
      )
      counts.figures++
    }
    if (rnd() < 0.15) {
      blocks.push(`<video controls width="1280" height="720" src="/media/${version}.mp4"></video>`)
      counts.videos++
    }
    if (rnd() < 0.15) {
      blocks.push(
        `<iframe width="560" height="315" src="https://www.youtube.com/embed/${(i * 7919).toString(36)}" title="Release walkthrough" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture" allowfullscreen></iframe>`,
      )
      counts.iframes++
    }
    if (rnd() < 0.2) {
      blocks.push(
        `<details>\n<summary>Full changelog</summary>\n\n${list.map((l) => l.replace('- ', '* fixed ')).join('\n')}\n\n</details>`,
      )
      counts.details++
    }
    if (rnd() < 0.2) {
      blocks.push(`<pre>\n$ app upgrade --to ${version}\nUpgrading… done\n</pre>`)
      counts.listings++
    }
    blocks.push(paragraph())
    if (rnd() < 0.4) {
      blocks.push(
        `| Platform | Size | Checksum |\n| :-- | --: | :-: |\n| Linux | ${Math.floor(rnd() * 90 + 10)} MB | ok |\n| Windows | ${Math.floor(rnd() * 90 + 10)} MB | ok |`,
      )
      counts.tables++
    }
    if (rnd() < 0.1) {
      blocks.push(
        `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">${sentence()} <a href="https://t.co/${i}">pic.twitter.com/${i}</a></p>&mdash; Example Project (@exampleproj) <a href="https://twitter.com/exampleproj/status/${1700000000000000000 + i}?ref_src=twsrc%5Etfw">March 3, 2024</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>`,
      )
      counts.social++
    }
    if (rnd() < 0.25) {
      blocks.push(`<!-- TODO: add benchmarks for ${version} -->`)
      counts.comments++
    }
    if (rnd() < 0.1) {
      blocks.push(`<p style="color: #c00" onclick="track()">Security notice: upgrade now.</p>`)
      counts.unsafe++
    }
    const notes = rnd() < 0.35 ? 1 + Math.floor(rnd() * 2) : 0
    let text = paragraph()
    for (let n = 1; n <= notes; n++) text += ` See the upgrade guide[^${n}].`
    blocks.push(text)
    for (let n = 1; n <= notes; n++) blocks.push(`[^${n}]: ${sentence()}`)
    counts.footnotes += notes
    return {
      version,
      body: `${blocks.join('\n\n')}\n`,
      counts,
      title: `Release ${version}: ${sentence().slice(0, 60)}`,
      author: pick(AUTHORS),
      coauthor: rnd() < 0.2 ? pick(AUTHORS) : undefined,
      tags: [...new Set([pick(TAGS), pick(TAGS)])],
      summary: sentence(),
      draft: rnd() < 0.03,
    }
  }
}

const pad = (n) => String(n).padStart(2, '0')

/** The front matter and path of post `i` in `format`, in that generator's own conventions. */
function frontMatter(format, i, post, date) {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:00`
  const slug = post.version.replace(/\./g, '-')
  const authors =
    post.coauthor && post.coauthor !== post.author ? `${post.author} and ${post.coauthor}` : post.author
  if (format === 'hugo') {
    if (i % 4 === 0)
      return {
        file: `content/posts/${slug}.md`,
        text: `+++\ntitle = "${post.title}"\ndate = ${day}T${time}+07:00\ndraft = ${post.draft}\ntags = [${post.tags.map((t) => `"${t}"`).join(', ')}]\ncategories = ["Releases"]\nauthor = "${authors}"\ndescription = "${post.summary}"\naliases = ["/blog/${post.version}/"]\n+++\n\n`,
      }
    return {
      file: `content/posts/${slug}/index.md`,
      text: `---\ntitle: "${post.title}"\ndate: ${day}T${time}+07:00\nlastmod: ${day}\ndraft: ${post.draft}\ntags: [${post.tags.join(', ')}]\ncategories: [Releases]\nauthors: [${authors.split(' and ').join(', ')}]\nsummary: "${post.summary}"\nslug: ${slug}\naliases:\n  - /blog/${post.version}/\nlayout: post\n---\n\n`,
    }
  }
  if (format === 'jekyll')
    return {
      file: `${post.draft ? '_drafts' : '_posts'}/${day}-${slug}.md`,
      text: `---\nlayout: post\ntitle: "${post.title}"\ndate: ${day} ${time} +0700\ncategories: releases\ntags: ${post.tags.join(' ')}\nauthor: ${authors}\nexcerpt: "${post.summary}"\nredirect_from:\n  - /blog/${post.version}/\n---\n\n`,
    }
  if (format === 'eleventy')
    return {
      file: `content/blog/${slug}.md`,
      text: `---\nlayout: layouts/post.njk\ntitle: "${post.title}"\ndate: ${day}\ntags: [posts, ${post.tags.join(', ')}]\nauthor: ${authors}\ndescription: "${post.summary}"\ndraft: ${post.draft}\n---\n\n`,
    }
  return {
    file: `src/content/blog/${slug}.md`,
    text: `---\ntitle: "${post.title}"\ndescription: "${post.summary}"\npubDate: "${date.toUTCString().slice(5, 16)}"\nheroImage: /images/${post.version}/hero.jpg\nauthor: ${authors}\ntags: [${post.tags.join(', ')}]\ndraft: ${post.draft}\n---\n\n`,
  }
}

/** Writes the archive; returns the totals of what its bodies hold. */
export async function generateArchive(dir, count, format = 'hugo', seed = 7) {
  await rm(dir, { recursive: true, force: true })
  const write = createPostWriter(seed)
  const totals = { posts: count }
  const start = Date.UTC(2014, 0, 6, 9)
  for (let i = 0; i < count; i++) {
    const post = write(i)
    const { file, text } = frontMatter(format, i, post, new Date(start + i * 5 * 86_400_000))
    await mkdir(path.join(dir, path.dirname(file)), { recursive: true })
    await writeFile(path.join(dir, file), text + post.body)
    for (const [key, value] of Object.entries(post.counts)) totals[key] = (totals[key] ?? 0) + value
    totals.drafts = (totals.drafts ?? 0) + (post.draft ? 1 : 0)
  }
  return totals
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'archive', count = '300', format = 'hugo'] = process.argv.slice(2)
  const totals = await generateArchive(path.resolve(dir), Number(count), format)
  console.log(JSON.stringify(totals))
}
