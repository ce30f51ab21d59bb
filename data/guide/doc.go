// Package guide is the static content Steady is built on: the guide's catalog
// of symptoms, strategies and questions, the common triggers and coping
// actions a check-in can record, the warning signs and the helplines of each
// region.
//
// Everything here is a stable ID; visible text lives in the message files
// (package i18n) under the same IDs. The package holds no state, opens no file
// and speaks no SQL: every function returns a fresh value the caller may
// change without affecting anyone else.
package guide
