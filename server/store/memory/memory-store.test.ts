import { describeStoreContract } from '../store-contract';
import { createMemoryStore } from './memory-store';

describeStoreContract('memory', createMemoryStore);
