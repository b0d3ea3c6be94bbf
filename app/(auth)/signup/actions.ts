"use server";

import { headers } from "next/headers";
import { publicAction } from "@/lib/actions/define-action";
import { clientIp } from "@/lib/auth/client-ip";
import { signUpInput } from "@/lib/auth/schemas";
import { signUpAccount } from "@/lib/auth/sign-up";

export const signUp = publicAction("signUp", signUpInput, async (input) =>
  signUpAccount(input, clientIp((await headers()).get("x-forwarded-for"))),
);
