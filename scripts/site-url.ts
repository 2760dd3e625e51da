/** The public address, for canonical URLs, RSS and the sitemap. Set SITE_URL when deploying elsewhere. */
export const siteUrl = process.env.SITE_URL ?? 'https://huigong.example.org';
