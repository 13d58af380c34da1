import { z } from 'zod';
import type { ConsumerDefinition } from '@lms/kit/events';
import type { CertificateDeps } from '../app/deps';
import { CERTIFICATE_RENDER_REQUESTED } from '../app/pdf/request-render';

export const PDF_RENDER_QUEUE = 'certificate.pdf-render';

export const RenderRequestedV1 = z.object({ certificate_id: z.string().uuid() }).passthrough();

/** Renders a certificate's PDF and stores it (skeleton; the implementation follows). */
export function pdfRenderConsumer(deps: CertificateDeps): ConsumerDefinition<z.infer<typeof RenderRequestedV1>> {
  void deps;
  return {
    queue: PDF_RENDER_QUEUE,
    bindings: [CERTIFICATE_RENDER_REQUESTED],
    schema: RenderRequestedV1,
    async handle() {
      throw new Error('pdf render not implemented yet');
    },
  };
}
