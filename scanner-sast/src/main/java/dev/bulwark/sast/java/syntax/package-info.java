/** Parsing Java source: the one place syntax trees are made. */
package dev.bulwark.sast.java.syntax;
