import type { Viewer } from '#lib/server/auth/session.ts';
import type { MunicipalityContext } from '#lib/server/municipalities/index.ts';
import type { App as HagukumiApp } from '#lib/server/app.ts';

declare global {
  namespace App {
    interface Error {
      message: string;
      requestId?: string;
      code?: string;
    }
    interface Locals {
      requestId: string;
      app: HagukumiApp;
      municipality: MunicipalityContext;
      viewer: Viewer | undefined;
      address: string;
    }
  }
}

export {};
