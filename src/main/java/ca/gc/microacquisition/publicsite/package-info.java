/**
 * The static public site: exports the portal's public pages, JSON and feed to files and can publish them to a Git
 * repository (GitHub Pages). Uses portal (templates and models) and opportunity.
 */
package ca.gc.microacquisition.publicsite;
