// What the page knows about languages: names, the lang attribute that picks a font, and
// which scripts run right to left. Codes the table lacks still work (shown by their code).
"use strict";

const LANGUAGES = {
  en: { name: "English", native: "English" },
  zh: { name: "Mandarin", native: "中文（简体）", tag: "zh-Hans" },
  yue: { name: "Cantonese", native: "粵語", tag: "yue-Hant" },
  pa: { name: "Punjabi", native: "ਪੰਜਾਬੀ", tag: "pa-Guru" },
  ur: { name: "Urdu", native: "اردو" },
  ta: { name: "Tamil", native: "தமிழ்" },
  tl: { name: "Tagalog", native: "Tagalog" },
  es: { name: "Spanish", native: "Español" },
  it: { name: "Italian", native: "Italiano" },
  fa: { name: "Persian", native: "فارسی" },
  pt: { name: "Portuguese", native: "Português" },
  ru: { name: "Russian", native: "Русский" },
  ko: { name: "Korean", native: "한국어" },
  ar: { name: "Arabic", native: "العربية" },
  gu: { name: "Gujarati", native: "ગુજરાતી" },
  vi: { name: "Vietnamese", native: "Tiếng Việt" },
  pl: { name: "Polish", native: "Polski" },
  hi: { name: "Hindi", native: "हिन्दी" },
  el: { name: "Greek", native: "Ελληνικά" },
  bn: { name: "Bengali", native: "বাংলা" },
  fr: { name: "French", native: "Français" },
  uk: { name: "Ukrainian", native: "Українська" },
  sr: { name: "Serbian", native: "Српски", tag: "sr-Cyrl" },
  so: { name: "Somali", native: "Soomaali" },
  tr: { name: "Turkish", native: "Türkçe" },
};

// Languages written right to left (ISO 639 codes), for browsers without Intl text info.
const RTL_CODES = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi"]);

function languageInfo(code) {
  const known = LANGUAGES[code] || { name: code.toUpperCase(), native: code };
  return { code, tag: known.tag || code, name: known.name, native: known.native, dir: direction(code) };
}

function direction(code) {
  const base = code.split("-")[0].toLowerCase();
  if (RTL_CODES.has(base)) return "rtl";
  try {
    const locale = new Intl.Locale(code);
    const info = locale.getTextInfo ? locale.getTextInfo() : locale.textInfo;
    if (info && info.direction) return info.direction;
  } catch (error) {
    // not a valid BCP 47 tag: left to right
  }
  return "ltr";
}
