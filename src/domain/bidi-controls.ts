/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).
 * In a title, outlet name or claim they can make text display in another order than it
 * reads ("…gpj.exe" shown as "…exe.jpg"), and an unclosed one reorders whatever follows it.
 * They are removed where such text enters (request validation, the ingest command, titles
 * derived from an article): newsroom copy has no use for them, and the marks right-to-left
 * text does need (U+200E/U+200F, U+061C) only affect neutral characters and stay.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export const stripBidiControls = (text: string): string => text.replace(BIDI_CONTROLS, '');
