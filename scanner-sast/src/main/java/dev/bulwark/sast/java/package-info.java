/**
 * Java analysis on JavaParser trees. {@code JavaTaintAnalyzer} wires the parts: {@code syntax}
 * (parsing, in one place), {@code catalog} (sources, sinks, sanitisers and propagators, read from
 * {@code taint.yaml}), {@code types} (simple types without a classpath), {@code taint} (the
 * interpreter), {@code project} (summaries of calls into other files) and {@code rules} (the rule
 * families that need no data flow, their words in {@code rules.yaml}).
 */
package dev.bulwark.sast.java;
