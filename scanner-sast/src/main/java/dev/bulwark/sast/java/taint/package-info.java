/**
 * Taint analysis over JavaParser trees: {@code TaintInterpreter} (statements, branches, loops),
 * {@code ExpressionTaint} and {@code CallTaint} (expressions, calls, against the catalogue),
 * {@code CollectionModels} (maps and lists), {@code FileTaint} (one file: fields, summaries of its own
 * methods). Other files are reached through {@link dev.bulwark.sast.java.taint.ProjectCallees}.
 */
package dev.bulwark.sast.java.taint;
