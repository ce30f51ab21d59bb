// Package data is what Steady knows and what the user writes: the guide's
// catalog of symptoms, strategies and questions (by stable message ID), and the
// private journal kept in one local SQLite file.
//
// Nothing in this package draws on screen or speaks to the network; it is the
// only package that speaks SQL.
package data
