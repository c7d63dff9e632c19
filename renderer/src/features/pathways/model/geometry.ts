// Edge geometry lives in shared/diagram, where the SVG export (renderer and command line) uses it too.
export * from '../../../../../shared/diagram/geometry.ts';
