// The privacy notice a person sees before sensitive questions and before a request is sent. Its words
// are in common.json ("privacy"); a request records the version that was shown. Change the version
// whenever the words change, and keep the old one listed while channels may still show it.

export const PRIVACY_NOTICE_VERSION = "2026-11-28";
export const PRIVACY_NOTICE_VERSIONS: readonly string[] = [PRIVACY_NOTICE_VERSION];
