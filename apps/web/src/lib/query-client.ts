/** The web app's one query cache; emptied when the person signed in changes, so nobody sees another's pages. */
import { QueryClient } from "@tanstack/react-query";

export const queryClient = new QueryClient();
