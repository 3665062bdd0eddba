// The compiled catalogues live in this library's resources (":/i18n/shiqiuren_<lang>.qm");
// core::i18n::installTranslations() loads them. This file gives the library its one source.
