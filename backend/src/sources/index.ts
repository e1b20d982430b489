export { SourcesModule } from './sources.module';
export { SourcesService, toSource, type SourceStatusReader, type ValidatedSource } from './sources.service';
export { CredentialsService, type OpenedCredential } from './credentials.service';
export { SourceEntity } from './entities/source.entity';
export { CredentialEntity } from './entities/credential.entity';
export { AddressPolicy } from './address-policy';
