import { DefaultNamingStrategy, type NamingStrategyInterface } from 'typeorm';

/** camelCase properties -> snake_case columns, so raw SQL and migrations read naturally. */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override columnName(propertyName: string, customName: string | undefined, embeddedPrefixes: string[]): string {
    const base = customName ?? toSnake(propertyName);
    return embeddedPrefixes.length ? `${embeddedPrefixes.map(toSnake).join('_')}_${base}` : base;
  }
}

export function toSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}
