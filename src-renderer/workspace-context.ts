import { createContext, useContext } from 'react';
import type { Workspace } from './runtime';

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside a signed-in workspace');
  return workspace;
}
