/** The eight sections of the generated sites, in navigation order. */
export declare const SECTIONS: readonly string[]
/** The clock generated sites are written for: 2025-06-02 10:00 WITA. */
export declare const DEFAULT_NOW: number
/** A PNG of `width`×`height` with soft colour fields: as sized as a real photo. */
export declare function makePng(width: number, height: number, seed: number): Buffer
/** A PNG file from its 13-byte IHDR header and its deflated rows (one IDAT chunk). */
export declare function pngFile(header: Buffer, deflatedRows: Buffer): Buffer
/** Writes the stories, author files and photos into the site folder; returns the titles, newest first. */
export declare function writeNewsSite(
  root: string,
  options: { stories: number; now?: number; photos?: boolean },
): Promise<string[]>
/** The site config of a generated site. */
export declare function newsSiteConfig<T>(
  root: string,
  options: { lang?: string; url?: string; theme: T },
): {
  root: string
  site: {
    title: string
    description: string
    url: string
    lang: string
    timezone: string
    nav: string[]
    publisher: { name: string }
  }
  theme: T
}
