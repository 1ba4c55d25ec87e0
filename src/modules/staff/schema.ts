import { type Static, Type } from 'typebox';
import { apiScopes, roles } from './permissions.ts';

export const Username = Type.String({ pattern: '^[a-zA-Z0-9._-]{3,64}$', description: '3–64 chữ cái không dấu, số, dấu chấm, gạch' });
export const Password = Type.String({ minLength: 10, maxLength: 200, description: 'Ít nhất 10 ký tự' });
const RoleName = Type.Enum([...roles]);
const UnitCodeRef = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' });

export const GrantBody = Type.Object(
  { role: RoleName, unit: UnitCodeRef, subtree: Type.Optional(Type.Boolean({ default: false })) },
  { additionalProperties: false },
);
export type GrantInput = Static<typeof GrantBody>;

const profile = {
  fullName: Type.String({ minLength: 2, maxLength: 120 }),
  title: Type.Optional(Type.Union([Type.String({ maxLength: 120 }), Type.Null()])),
  email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()])),
  phone: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9 +().-]{3,30}$' }), Type.Null()])),
};

export const CreateUserBody = Type.Object(
  { username: Username, password: Password, ...profile, grants: Type.Optional(Type.Array(GrantBody, { maxItems: 20 })) },
  { additionalProperties: false },
);
export type CreateUserInput = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  { ...profile, active: Type.Optional(Type.Boolean()), password: Type.Optional(Password) },
  { additionalProperties: false },
);
export type UpdateUserInput = Static<typeof UpdateUserBody>;

export const SignInBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    next: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const ApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 100 }),
    scopes: Type.Array(Type.Enum([...apiScopes]), { minItems: 1, maxItems: apiScopes.length }),
    unit: Type.Optional(Type.Union([UnitCodeRef, Type.Null()])),
  },
  { additionalProperties: false },
);
export type ApiKeyInput = Static<typeof ApiKeyBody>;

export const GrantOut = Type.Object({ id: Type.Integer(), role: Type.String(), unit: Type.String(), unitName: Type.String(), subtree: Type.Boolean() });
export const UserOut = Type.Object({
  username: Type.String(),
  fullName: Type.String(),
  title: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
  grants: Type.Array(GrantOut),
});
