/**
 * Imports face-api.js's pretrained face networks into a Modelport model version.
 */
package io.modelport.faces.importer;
