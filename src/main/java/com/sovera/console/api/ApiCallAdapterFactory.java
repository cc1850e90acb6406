package com.sovera.console.api;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Response;
import retrofit2.Retrofit;

/** Lets {@link SovxApi} methods return {@link ApiCall}, whose failures all go through {@link Failures}. */
final class ApiCallAdapterFactory extends CallAdapter.Factory {

    @Override
    public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
        if (getRawType(returnType) != ApiCall.class) {
            return null;
        }
        if (!(returnType instanceof ParameterizedType p)) {
            throw new IllegalArgumentException("ApiCall needs a type argument, such as ApiCall<User>");
        }
        Type bodyType = getParameterUpperBound(0, p);
        return new CallAdapter<Object, ApiCall<Object>>() {
            @Override
            public Type responseType() {
                return bodyType;
            }

            @Override
            public ApiCall<Object> adapt(Call<Object> call) {
                return new RetrofitApiCall<>(call);
            }
        };
    }

    private static final class RetrofitApiCall<T> implements ApiCall<T> {
        private final Call<T> call;

        RetrofitApiCall(Call<T> call) {
            this.call = call;
        }

        @Override
        public T execute() {
            Response<T> response;
            try {
                response = call.execute();
            } catch (BodyProblem p) {
                // Converters run after the status line was read, so a body problem always follows a 2xx.
                throw Failures.fromBodyProblem(p, 200, call.request().url().host());
            } catch (IOException e) {
                if (call.isCanceled()) {
                    throw Failures.cancelled(call.request().url(), e);
                }
                throw Failures.fromIOException(e, call.request().url());
            }
            if (!response.isSuccessful()) {
                throw Failures.fromErrorResponse(response);
            }
            return response.body();
        }

        @Override
        public void cancel() {
            call.cancel();
        }

        @Override
        public boolean isCanceled() {
            return call.isCanceled();
        }

        @Override
        public String describe() {
            return call.request().method() + " /" + String.join("/", call.request().url().pathSegments());
        }
    }
}
