/**
 * Java analysis on JavaParser ASTs. Taint: {@code TaintInterpreter} (statements, branches, loops),
 * {@code ExpressionTaint} and {@code CallTaint} (expressions, calls), {@code CollectionModels} (maps and
 * lists), {@code TaintCatalog} (sources, sinks, sanitisers as data), {@code FileContext} (method
 * summaries within a file). Rules without data flow: {@code JavaRules}.
 */
package dev.bulwark.sast.java;
