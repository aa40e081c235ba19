package dev.precis.cli;

/** Output formats of the content commands. */
enum Format {
    text, markdown, json
}
