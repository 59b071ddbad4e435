/** Calls into other files of the scanned project, summarised and cached for the scan. */
package dev.bulwark.sast.java.project;
