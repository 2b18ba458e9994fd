/** Networks the share links know. */
export const SHARE_NETWORKS = ['whatsapp', 'facebook', 'x', 'telegram', 'linkedin', 'email'] as const

/** A network `shareUrl` can link to. */
export type ShareNetwork = (typeof SHARE_NETWORKS)[number]

/** True for a network name `shareUrl` knows. */
export function isShareNetwork(name: unknown): name is ShareNetwork {
  return typeof name === 'string' && (SHARE_NETWORKS as readonly string[]).includes(name)
}

const enc = encodeURIComponent

/**
 * The URL of a plain share link: it opens the network's own share page (or the mail
 * program), so sharing needs no script and the page makes no third-party request.
 */
export function shareUrl(network: ShareNetwork, url: string, title: string): string {
  switch (network) {
    case 'whatsapp':
      return `https://wa.me/?text=${enc(`${title} ${url}`)}`
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${enc(url)}`
    case 'x':
      return `https://x.com/intent/post?text=${enc(title)}&url=${enc(url)}`
    case 'telegram':
      return `https://t.me/share/url?url=${enc(url)}&text=${enc(title)}`
    case 'linkedin':
      return `https://www.linkedin.com/sharing/share-offsite/?url=${enc(url)}`
    case 'email':
      return `mailto:?subject=${enc(title)}&body=${enc(`${title}\n\n${url}`)}`
  }
}
