package com.sovera.console.onboarding;

/**
 * The wizard's rules over what is known at one moment: which steps are done, whether the step's action and Back
 * may run, and what the action says. Pure: the view model builds one whenever something it reads changes.
 *
 * @param checked      the connection was checked and answered ok
 * @param signedIn     an account session is held
 * @param keyShown     a freshly minted owner key is on screen
 * @param keyConfirmed the operator typed that key's last four characters
 * @param keyHeld      the console holds an owner key for the customer, confirmed by the operator or accepted by
 *                     the server
 * @param depositOk    the deposit address passed every check (null: not verified yet)
 * @param inputsValid  every field of the step passes its rule
 * @param waiting      a call is out, a rate-limit countdown runs, or a sign-in is asked for
 * @param reuse        the step continues from an existing object (or a key the operator has) instead of creating
 * @param lookupsOnly  the administrator set this desk for lookups: nothing is created or minted
 */
public record WizardState(Step step, Progress progress, boolean checked, boolean signedIn, boolean keyShown,
                          boolean keyConfirmed, boolean keyHeld, Boolean depositOk, boolean inputsValid,
                          boolean waiting, boolean reuse, boolean lookupsOnly) {

    /** A desk that may write. */
    public WizardState(Step step, Progress progress, boolean checked, boolean signedIn, boolean keyShown,
                       boolean keyConfirmed, boolean keyHeld, Boolean depositOk, boolean inputsValid,
                       boolean waiting, boolean reuse) {
        this(step, progress, checked, signedIn, keyShown, keyConfirmed, keyHeld, depositOk, inputsValid, waiting,
                reuse, false);
    }

    /** The step's action would create or mint something (rather than sign in, check, reuse or go on). */
    public boolean creates() {
        return switch (step) {
            case CUSTOMER, CREDENTIALS, USER, WALLET, ADDRESS -> !isDone(step) && !reuse && !keyShown;
            default -> false;
        };
    }

    /** Why the step's action is not offered on this desk, or null where it is. */
    public String refusal() {
        return lookupsOnly && creates() ? com.sovera.console.policy.Policy.LOOKUPS_ONLY : null;
    }

    /** True once the step's object exists: its inputs are then read-only, and Back never re-creates it. */
    public boolean isDone(Step s) {
        return switch (s) {
            case CONNECTIVITY -> checked;
            case LOGIN -> signedIn;
            case CUSTOMER -> progress.customerCreated();
            case CREDENTIALS -> keyHeld;
            case USER -> progress.userId() != null;
            case WALLET -> progress.walletId() != null;
            case ADDRESS -> progress.depositAddress() != null;
        };
    }

    /** The step's one action may run now. */
    public boolean canAct() {
        return !waiting && inputsReady();
    }

    /**
     * The step's inputs allow its action, whether or not something is out: the button stays enabled (and so keeps
     * the focus) while a call or a retry waits, and only {@link #canAct()} lets it run.
     */
    public boolean inputsReady() {
        if (refusal() != null) {
            return false;
        }
        if (step == Step.CREDENTIALS && keyShown) {
            return keyConfirmed;
        }
        if (step == Step.ADDRESS && progress.depositAddress() != null) {
            return true; // verify again, or start the next onboarding
        }
        return isDone(step) || inputsValid;
    }

    /** Back is refused while anything is out: an answer or a retry would land on another step. */
    public boolean canGoBack() {
        return !waiting && step != Step.CONNECTIVITY;
    }

    /** The action button's text, with its mnemonic. */
    public String actionLabel() {
        if (step == Step.CREDENTIALS && keyShown) {
            return "_Continue";
        }
        if (step == Step.ADDRESS && isDone(Step.ADDRESS)) {
            return Boolean.TRUE.equals(depositOk) ? "_New customer" : "_Verify again";
        }
        if (isDone(step) && step != Step.CONNECTIVITY && step != Step.ADDRESS) {
            return "_Next";
        }
        if (reuse) {
            return switch (step) {
                case CUSTOMER -> "_Use customer";
                case CREDENTIALS -> "_Use key";
                case USER -> "_Use user";
                case WALLET -> "_Use wallet";
                default -> "_" + step.action();
            };
        }
        return "_" + step.action();
    }
}
