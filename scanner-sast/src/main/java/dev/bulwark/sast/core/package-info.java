/** What every analyzer shares: the {@code Analyzer} contract, source files, project facts, finding building. */
package dev.bulwark.sast.core;
