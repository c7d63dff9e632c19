// The notation lives in shared/diagram, where the SVG and SBGN-ML exports use it too.
export * from '../../../../../shared/diagram/notation.ts';
