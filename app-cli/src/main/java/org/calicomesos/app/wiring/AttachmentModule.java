package org.calicomesos.app.wiring;

import dagger.Binds;
import dagger.Module;
import org.calicomesos.core.attachment.AttachService;
import org.calicomesos.core.attachment.CheckAttachmentService;
import org.calicomesos.core.attachment.CollectAttachmentsService;
import org.calicomesos.core.attachment.DetachService;
import org.calicomesos.core.attachment.NetworkReadinessService;
import org.calicomesos.ports.attachment.AttachContainerUseCase;
import org.calicomesos.ports.attachment.CheckAttachmentUseCase;
import org.calicomesos.ports.attachment.CollectAttachmentsUseCase;
import org.calicomesos.ports.attachment.DetachContainerUseCase;
import org.calicomesos.ports.attachment.NetworkReadinessUseCase;

/** Binds CNI's ADD, DEL, CHECK, GC and STATUS to core's services. */
@Module
interface AttachmentModule {
  @Binds
  AttachContainerUseCase attach(AttachService service);

  @Binds
  DetachContainerUseCase detach(DetachService service);

  @Binds
  CheckAttachmentUseCase check(CheckAttachmentService service);

  @Binds
  CollectAttachmentsUseCase collect(CollectAttachmentsService service);

  @Binds
  NetworkReadinessUseCase readiness(NetworkReadinessService service);
}
