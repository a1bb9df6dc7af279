// Moved to core/text (a lower layer: queries use it too); kept while other branches still import this path.
export * from '../../text/escape';
