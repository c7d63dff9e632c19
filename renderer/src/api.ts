import { connect } from './transport/index.ts';

/** The one client for the whole renderer; every byte of data comes through it. */
export const { api, transport } = connect();
